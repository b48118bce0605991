using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// An event's reason is kept whole: a screening decision's reasons may be 8,000 characters, and PostgreSQL refused those
/// over 4,000 with an error. On PostgreSQL varchar(4000) to text rewrites nothing; SQLite's TEXT has no length.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261213000401_EventReasonsKeptWhole")]
public sealed class EventReasonsKeptWhole : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql()) migrationBuilder.Sql("""ALTER TABLE "Events" ALTER COLUMN "Reason" TYPE text;""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql()) migrationBuilder.Sql("""ALTER TABLE "Events" ALTER COLUMN "Reason" TYPE character varying(4000);""");
    }
}
