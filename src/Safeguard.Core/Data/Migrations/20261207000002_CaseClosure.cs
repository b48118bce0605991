using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Closing a case (Safeguard.Core.Closure): the summary beside the CIN reason for closure, and each referral marked when it is a re-referral.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207000002_CaseClosure")]
public sealed class CaseClosure : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ClosureSummary", table: "Referrals", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "IsReReferral", table: "Referrals", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "IsReReferral", table: "Referrals");
        migrationBuilder.DropColumn(name: "ClosureSummary", table: "Referrals");
    }
}
