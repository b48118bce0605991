using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// The audit chain (Safeguard.Core.Audit.Chain): each event's chain position and hash, set once by the sealer; and a
/// trigger that lets nothing else change an event and no event be deleted (on PostgreSQL, for every role but the
/// table's owner: the application's own role cannot, docs/operations.md "Audit chain").
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261214000400_AuditChain")]
public sealed class AuditChain : Migration
{
    /// <summary>The columns that say what happened: none of them changes once the event is written.</summary>
    private static readonly string[] Written =
        ["Id", "Type", "OccurredAt", "ActorUserId", "ActorName", "ActorOrganisationId", "PersonId", "SubjectType", "SubjectId", "Summary", "Reason", "Data"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "ChainSequence", table: "Events", nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "ChainHash", table: "Events", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Events_ChainSequence", table: "Events", column: "ChainSequence", unique: true);
        if (migrationBuilder.IsNpgsql()) migrationBuilder.Sql(PostgresGuard);
        else migrationBuilder.Sql(SqliteGuard);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS events_chain_guard ON "Events"; DROP FUNCTION IF EXISTS events_chain_guard();""");
        }
        else
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Events_NeverDeleted"; DROP TRIGGER IF EXISTS "Events_SealedOnce";""");
        }
        migrationBuilder.DropIndex(name: "IX_Events_ChainSequence", table: "Events");
        migrationBuilder.DropColumn(name: "ChainHash", table: "Events");
        migrationBuilder.DropColumn(name: "ChainSequence", table: "Events");
    }

    private static string Row(string which) => string.Join(", ", Written.Select(c => $"{which}.\"{c}\""));

    internal static readonly string PostgresGuard = $$"""
        CREATE FUNCTION events_chain_guard() RETURNS trigger LANGUAGE plpgsql AS $guard$
        BEGIN
            -- The owner (who migrates, restores and repairs) may; the application's role may not. Verify sees either.
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'Event % cannot be deleted: events are kept (audit chain)', OLD."Id" USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF OLD."ChainSequence" IS NOT NULL THEN
                RAISE EXCEPTION 'Event % is sealed in the audit chain and cannot be changed', OLD."Id" USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF ({{Row("NEW")}}) IS DISTINCT FROM ({{Row("OLD")}}) THEN
                RAISE EXCEPTION 'Event %: only its chain position and hash can be set', OLD."Id" USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END
        $guard$;
        CREATE TRIGGER events_chain_guard BEFORE UPDATE OR DELETE ON "Events" FOR EACH ROW EXECUTE FUNCTION events_chain_guard();
        """;

    internal static readonly string SqliteGuard = $"""
        CREATE TRIGGER "Events_NeverDeleted" BEFORE DELETE ON "Events"
        BEGIN SELECT RAISE(ABORT, 'Events cannot be deleted: they are kept (audit chain)'); END;
        CREATE TRIGGER "Events_SealedOnce" BEFORE UPDATE ON "Events"
        WHEN OLD."ChainSequence" IS NOT NULL OR {string.Join(" OR ", Written.Select(c => $"NEW.\"{c}\" IS NOT OLD.\"{c}\""))}
        BEGIN SELECT RAISE(ABORT, 'An event is sealed once, and nothing else in it changes (audit chain)'); END;
        """;
}
