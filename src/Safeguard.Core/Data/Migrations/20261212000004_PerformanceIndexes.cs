using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Indexes for the performance dashboard's range queries: referrals by date, assessments by authorisation date, plans by
/// kind and start, conferences by kind and date, strategy discussions by date (and the latest for a referral), work items
/// by kind and due time. The strategy discussions' referral index is replaced by the wider (ReferralId, HeldAt).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261212000004_PerformanceIndexes")]
public sealed class PerformanceIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_Assessments_AuthorisedOn", table: "Assessments", column: "AuthorisedOn");
        migrationBuilder.CreateIndex(name: "IX_ChildPlans_Kind_StartedOn", table: "ChildPlans", columns: ["Kind", "StartedOn"]);
        migrationBuilder.DropIndex(name: "IX_StrategyDiscussions_ReferralId", table: "StrategyDiscussions");
        migrationBuilder.CreateIndex(name: "IX_StrategyDiscussions_ReferralId_HeldAt", table: "StrategyDiscussions", columns: ["ReferralId", "HeldAt"]);
        migrationBuilder.CreateIndex(name: "IX_WorkItems_Kind_DueAt", table: "WorkItems", columns: ["Kind", "DueAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_WorkItems_Kind_DueAt", table: "WorkItems");
        migrationBuilder.DropIndex(name: "IX_StrategyDiscussions_ReferralId_HeldAt", table: "StrategyDiscussions");
        migrationBuilder.CreateIndex(name: "IX_StrategyDiscussions_ReferralId", table: "StrategyDiscussions", column: "ReferralId");
        migrationBuilder.DropIndex(name: "IX_ChildPlans_Kind_StartedOn", table: "ChildPlans");
        migrationBuilder.DropIndex(name: "IX_Assessments_AuthorisedOn", table: "Assessments");
    }
}
