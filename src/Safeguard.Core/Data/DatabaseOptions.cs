using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses and configures the database: `Database__Provider` and `ConnectionStrings__Safeguard`.</summary>
public static class DatabaseOptions
{
    public const string DefaultSqliteConnection = "Data Source=safeguard.db";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{value}' is not known. Use 'Sqlite' or 'Postgres'."),
    };

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(DatabaseOptions).Assembly.FullName));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(DatabaseOptions).Assembly.FullName));
                break;
        }
        // Migrations are hand-written; schema drift is caught by a test that compares migrated and model schemas.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    public static DbContextOptions<SafeguardDbContext> Build(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SafeguardDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }

    /// <summary>Makes a relative SQLite file path absolute so the app and CLI agree where the file is.</summary>
    public static string NormaliseSqlite(string connectionString, string baseDirectory)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, csb.DataSource));
        }
        return csb.ToString();
    }
}
