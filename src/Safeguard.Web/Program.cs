using Safeguard.Core.Data;
using Safeguard.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafeguard();

var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
}
catch (DatabaseUnavailableException ex)
{
    // One line an operator can act on (no such database, not migrated, server not reachable), not a stack trace.
    Console.Error.WriteLine(ex.Message);
    return 1;
}
app.UseSafeguard();
app.Run();
return 0;

public partial class Program;
