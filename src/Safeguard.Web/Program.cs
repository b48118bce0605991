using Safeguard.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguard();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseSafeguard();
app.Run();

public partial class Program;
