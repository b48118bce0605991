using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// The referrals' index on the child becomes (PersonId, ReferralDate, ClosedOn, Id): the returns read a range of
/// children's referrals open in a period, and their enquiries, plans, assessments and conferences joined to them, from
/// the index alone. It still serves every lookup of a child's referrals, and the foreign key.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261213000101_ReturnsReferralIndex")]
public sealed class ReturnsReferralIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Referrals_PersonId", table: "Referrals");
        migrationBuilder.CreateIndex(name: "IX_Referrals_PersonId_ReferralDate_ClosedOn_Id", table: "Referrals",
            columns: ["PersonId", "ReferralDate", "ClosedOn", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Referrals_PersonId_ReferralDate_ClosedOn_Id", table: "Referrals");
        migrationBuilder.CreateIndex(name: "IX_Referrals_PersonId", table: "Referrals", column: "PersonId");
    }
}
