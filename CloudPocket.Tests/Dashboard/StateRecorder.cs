using Microsoft.Playwright;

namespace CloudPocket.Tests.Dashboard;

// Records, inside the page, every state a resource's row is drawn with: a brief state such as Starting can come and go
// between two polls of a locator, but every redraw replaces the row, which a MutationObserver sees.
internal static class StateRecorder
{
    private const string Install = """
        (name) => {
          window.seenStates = [];
          new MutationObserver((records) => {
            for (const record of records)
              for (const node of record.addedNodes)
                if (node.dataset?.resource === name) window.seenStates.push(node.querySelector("td.state").textContent);
          }).observe(document.querySelector("#resources tbody"), { childList: true });
        }
        """;

    public static Task StartAsync(IPage page, string resource) => page.EvaluateAsync(Install, resource).Within();

    public static Task<string[]> SeenAsync(IPage page) => page.EvaluateAsync<string[]>("() => window.seenStates").Within();
}
