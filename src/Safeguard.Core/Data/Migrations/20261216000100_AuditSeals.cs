using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// An event's chain position and hash move from two columns of the event, set by an update, to a row of their own in
/// "AuditSeals", inserted once. Events are now never updated: on PostgreSQL the update wrote a new version of every
/// event row and of each of its indexes, and a trigger checked each one (2.1–2.6 s and 94 MB of WAL for 90,000 events;
/// bench/README.md). Seals already made are copied across unchanged, so the chain verifies as before. Neither table
/// lets a row be changed or deleted (on PostgreSQL, by any role but the tables' owner: docs/operations.md "Audit chain").
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261216000100_AuditSeals")]
public sealed class AuditSealsTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditSeals",
            columns: table => new
            {
                EventId = table.Column<long>(nullable: false),
                Sequence = table.Column<long>(nullable: false),
                Hash = table.Column<byte[]>(maxLength: 32, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditSeals", x => x.EventId));
        migrationBuilder.CreateIndex(name: "IX_AuditSeals_Sequence", table: "AuditSeals", column: "Sequence", unique: true);
        migrationBuilder.Sql("""
            INSERT INTO "AuditSeals" ("EventId", "Sequence", "Hash")
            SELECT "Id", "ChainSequence", "ChainHash" FROM "Events" WHERE "ChainSequence" IS NOT NULL
            """);

        var postgres = migrationBuilder.IsNpgsql();
        migrationBuilder.Sql(postgres
            ? """DROP TRIGGER IF EXISTS events_chain_guard ON "Events"; DROP FUNCTION IF EXISTS events_chain_guard();"""
            : """DROP TRIGGER IF EXISTS "Events_NeverDeleted"; DROP TRIGGER IF EXISTS "Events_SealedOnce";""");
        migrationBuilder.DropIndex(name: "IX_Events_ChainSequence", table: "Events");
        // SQLite (3.35 and later) drops a column itself; EF would only do it by rebuilding the table from a model snapshot.
        migrationBuilder.Sql("""ALTER TABLE "Events" DROP COLUMN "ChainHash"; ALTER TABLE "Events" DROP COLUMN "ChainSequence";""");
        migrationBuilder.Sql(postgres ? PostgresGuard : SqliteGuard);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.IsNpgsql();
        migrationBuilder.Sql(postgres
            ? """DROP TRIGGER IF EXISTS events_kept ON "Events"; DROP TRIGGER IF EXISTS audit_seals_kept ON "AuditSeals"; DROP FUNCTION IF EXISTS audit_kept();"""
            : """
              DROP TRIGGER IF EXISTS "Events_NeverDeleted"; DROP TRIGGER IF EXISTS "Events_NeverChanged";
              DROP TRIGGER IF EXISTS "AuditSeals_NeverDeleted"; DROP TRIGGER IF EXISTS "AuditSeals_NeverChanged";
              """);
        migrationBuilder.AddColumn<long>(name: "ChainSequence", table: "Events", nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "ChainHash", table: "Events", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Events_ChainSequence", table: "Events", column: "ChainSequence", unique: true);
        migrationBuilder.Sql(postgres
            ? """UPDATE "Events" e SET "ChainSequence" = s."Sequence", "ChainHash" = s."Hash" FROM "AuditSeals" s WHERE s."EventId" = e."Id" """
            : """
              UPDATE "Events" SET
                  "ChainSequence" = (SELECT s."Sequence" FROM "AuditSeals" s WHERE s."EventId" = "Events"."Id"),
                  "ChainHash" = (SELECT s."Hash" FROM "AuditSeals" s WHERE s."EventId" = "Events"."Id")
              """);
        migrationBuilder.DropTable(name: "AuditSeals");
        migrationBuilder.Sql(postgres ? AuditChain.PostgresGuard : AuditChain.SqliteGuard);
    }

    private const string PostgresGuard = """
        CREATE FUNCTION audit_kept() RETURNS trigger LANGUAGE plpgsql AS $guard$
        BEGIN
            -- The owner (who migrates, restores and repairs) may; the application's role may not. Verify sees either.
            IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END IF;
            RAISE EXCEPTION 'Rows of % cannot be changed or deleted: they are kept as written (audit chain)', TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END
        $guard$;
        CREATE TRIGGER events_kept BEFORE UPDATE OR DELETE ON "Events" FOR EACH ROW EXECUTE FUNCTION audit_kept();
        CREATE TRIGGER audit_seals_kept BEFORE UPDATE OR DELETE ON "AuditSeals" FOR EACH ROW EXECUTE FUNCTION audit_kept();
        """;

    private const string SqliteGuard = """
        CREATE TRIGGER "Events_NeverDeleted" BEFORE DELETE ON "Events"
        BEGIN SELECT RAISE(ABORT, 'Events cannot be deleted: they are kept (audit chain)'); END;
        CREATE TRIGGER "Events_NeverChanged" BEFORE UPDATE ON "Events"
        BEGIN SELECT RAISE(ABORT, 'Events cannot be changed: they are kept as written (audit chain)'); END;
        CREATE TRIGGER "AuditSeals_NeverDeleted" BEFORE DELETE ON "AuditSeals"
        BEGIN SELECT RAISE(ABORT, 'Audit seals cannot be deleted: they are kept (audit chain)'); END;
        CREATE TRIGGER "AuditSeals_NeverChanged" BEFORE UPDATE ON "AuditSeals"
        BEGIN SELECT RAISE(ABORT, 'Audit seals cannot be changed: they are kept as written (audit chain)'); END;
        """;
}
