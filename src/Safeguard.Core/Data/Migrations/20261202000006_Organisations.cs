using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Organisations and teams are administered without SQL: each can be retired (RetiredAt), carries a concurrency
/// token (Version), and an organisation may have its own CIN referral source code. Names are unique among the
/// organisations (teams) that are not retired, so a retired name can be used again.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261202000006_Organisations")]
public sealed class Organisations : Migration
{
    private const string ActiveOnly = "\"RetiredAt\" IS NULL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Organisations", "Teams" })
        {
            migrationBuilder.AddColumn<DateTime>(name: "RetiredAt", table: table, nullable: true);
            migrationBuilder.AddColumn<int>(name: "Version", table: table, nullable: false, defaultValue: 0);
            migrationBuilder.DropIndex(name: $"IX_{table}_Name", table: table);
            migrationBuilder.CreateIndex(name: $"IX_{table}_Name", table: table, column: "Name", unique: true, filter: ActiveOnly);
        }
        migrationBuilder.AddColumn<string>(name: "CinReferralSourceCode", table: "Organisations", maxLength: 3, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "CinReferralSourceCode", table: "Organisations");
        foreach (var table in new[] { "Organisations", "Teams" })
        {
            migrationBuilder.DropIndex(name: $"IX_{table}_Name", table: table);
            migrationBuilder.CreateIndex(name: $"IX_{table}_Name", table: table, column: "Name", unique: true);
            migrationBuilder.DropColumn(name: "Version", table: table);
            migrationBuilder.DropColumn(name: "RetiredAt", table: table);
        }
    }
}
