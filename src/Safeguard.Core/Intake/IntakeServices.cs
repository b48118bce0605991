using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguard.Core.Data;

namespace Safeguard.Core.Intake;

/// <summary>Registers the partner API's fast intake path (docs/architecture.md, "The intake fast path").</summary>
internal static class IntakeServices
{
    /// <summary>The group-commit writer (one per process) and its options (section <see cref="IntakeWriterOptions.Section"/>).</summary>
    public static IServiceCollection AddIntakeWriter(this IServiceCollection services)
    {
        services.AddOptions<IntakeWriterOptions>();
        services.TryAddSingleton<IntakeWriter>();
        return services;
    }

    /// <summary>
    /// On SQLite, lets the connections the writer keeps open (its own and its lookups') keep their compiled statements
    /// (<see cref="SqliteStatementCache"/>). Every other connection is left alone.
    /// </summary>
    public static DbContextOptionsBuilder KeepIntakeStatements(this DbContextOptionsBuilder options, DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? options.AddInterceptors(SqliteStatementCache.Instance) : options;
}
