using System.Net;

namespace CloudPocket.Tests.AppHost;

// Answers every request on a loopback port with a status the test switches, standing in for a resource's /health.
internal sealed class FakeHealthEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private volatile int _status = (int)HttpStatusCode.OK;

    public FakeHealthEndpoint(Uri endpoint)
    {
        _listener.Prefixes.Add(endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public HttpStatusCode Status
    {
        get => (HttpStatusCode)_status;
        set => _status = (int)value;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // No keep-alive: a probe never reuses a connection this listener is about to drop.
            context.Response.KeepAlive = false;
            context.Response.StatusCode = _status;
            context.Response.Close();
        }
    }
}
