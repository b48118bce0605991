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
                SqlitePragmas.ConfigureLibrary();
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(DatabaseOptions).Assembly.FullName));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(typeof(DatabaseOptions).Assembly.FullName));
                break;
        }
        // Migrations are hand-written; schema drift is caught by a test that compares migrated and model schemas.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// Lets Npgsql keep the statements it sees repeatedly prepared on the server (unless the connection string says
    /// otherwise): the person-index lookup every referral makes is otherwise parsed and planned by PostgreSQL each time,
    /// which costs the server about three times as much CPU (bench/README.md, "Candidate lookup through the linker").
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) csb.MaxAutoPrepare = 64;
        if (!connectionString.Contains("Auto Prepare Min Usages", StringComparison.OrdinalIgnoreCase)) csb.AutoPrepareMinUsages = 2;
        return csb.ConnectionString;
    }

    public static DbContextOptions<SafeguardDbContext> Build(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SafeguardDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }

    /// <summary>
    /// Options over a connection the caller has already opened (and may hold a transaction on): EF then neither opens
    /// nor closes it, so the per-connection pragmas are the caller's to set. Used to read a backup inside its snapshot.
    /// </summary>
    public static DbContextOptions<SafeguardDbContext> Build(DatabaseProvider provider, System.Data.Common.DbConnection openConnection)
    {
        var builder = new DbContextOptionsBuilder<SafeguardDbContext>();
        var migrations = typeof(DatabaseOptions).Assembly.FullName;
        if (provider == DatabaseProvider.Sqlite) builder.UseSqlite(openConnection, o => o.MigrationsAssembly(migrations));
        else builder.UseNpgsql(openConnection, o => o.MigrationsAssembly(migrations));
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
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
