using Safeguard.Core.Data;

namespace Safeguard.Cli.Commands;

internal static class LargeSeedRunner
{
    public static Task RunAsync(DatabaseProvider provider, string connection, int seed, double scale, CancellationToken ct)
    {
        throw new NotSupportedException("The large council generator is being wired in.");
    }
}
