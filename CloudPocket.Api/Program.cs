using CloudPocket.Api.Files;
using CloudPocket.Api.Infrastructure;
using CloudPocket.Api.Links;
using CloudPocket.Api.Pages;
using CloudPocket.Api.Security;
using CloudPocket.Api.Tus;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddProblemDetails();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UsePage();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapFilesApi();
app.MapTusApi();
app.MapLinksApi();
app.MapSharePage();
app.MapPageSettings();

return app.RunReportingInvalidOptions();

// The integration tests reach the app through WebApplicationFactory<Program>.
public partial class Program;
