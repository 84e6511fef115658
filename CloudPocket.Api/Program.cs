using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapFilesApi();

return app.RunReportingInvalidOptions();

// The integration tests reach the app through WebApplicationFactory<Program>.
public partial class Program;
