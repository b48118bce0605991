using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>People and referrals carry an optimistic concurrency token (Version), as contacts do.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203000003_VersionTokens")]
public sealed class VersionTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Version", table: "People", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<int>(name: "Version", table: "Referrals", nullable: false, defaultValue: 1);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Version", table: "Referrals");
        migrationBuilder.DropColumn(name: "Version", table: "People");
    }
}
