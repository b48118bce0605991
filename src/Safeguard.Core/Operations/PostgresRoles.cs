using System.Text.RegularExpressions;
using Npgsql;

namespace Safeguard.Core.Operations;

/// <summary>
/// The application's own PostgreSQL login role (docs/operations.md, "Audit chain"): it reads and writes every table the
/// owner created, but events and their seals (the audit chain) it may only insert and read: it may not change, delete or
/// truncate them (privileges, and the tables' triggers), nor change the schema. Run as the owner, after migrating.
/// </summary>
public static partial class PostgresRoles
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();

    public static bool IsValidName(string name) => RoleName().IsMatch(name);

    /// <summary>
    /// The SQL that creates the role (if it is not there) and grants it its rights; run again after a migration adds a
    /// table owned by someone else. The events table keeps UPDATE because the sealer's LOCK ... IN SHARE MODE needs it;
    /// its trigger refuses every update.
    /// </summary>
    public static string Sql(string appRole, string? password, string database, string owner)
    {
        if (!IsValidName(appRole)) throw new ArgumentException("A role name is lower-case letters, digits and underscores.", nameof(appRole));
        var role = $"\"{appRole}\"";
        var setPassword = password is null ? "" : $" PASSWORD '{password.Replace("'", "''")}'";
        return $"""
            DO $roles$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{appRole}') THEN CREATE ROLE {role} LOGIN; END IF;
            END $roles$;
            ALTER ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS{setPassword};
            GRANT CONNECT, TEMPORARY ON DATABASE "{database.Replace("\"", "\"\"")}" TO {role};
            GRANT USAGE ON SCHEMA public TO {role};
            REVOKE CREATE ON SCHEMA public FROM {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE DELETE, TRUNCATE ON "Events" FROM {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON "AuditSeals" FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM {role};
            ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
            ALTER DEFAULT PRIVILEGES FOR ROLE "{owner}" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {role};
            """;
    }

    /// <summary>Creates or updates <paramref name="appRole"/> on the database <paramref name="ownerConnection"/> names, connected as its owner.</summary>
    public static async Task GrantAsync(string ownerConnection, string appRole, string? password, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ownerConnection);
        await connection.OpenAsync(ct);
        await using var find = new NpgsqlCommand("SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'Events'", connection);
        var owner = await find.ExecuteScalarAsync(ct) as string
            ?? throw new BackupInputException("There is no Events table: run `safeguard migrate` as the owner first.");
        await using var grant = new NpgsqlCommand(Sql(appRole, password, connection.Database, owner), connection);
        await grant.ExecuteNonQueryAsync(ct);
    }
}
