using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Work items get a concurrency token (Version), and the team and worker trays an index each that fits their query:
/// one owner's open items of one priority, soonest due first (replacing the team's index on owner and closed time).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203000001_WorkItemTrays")]
public sealed class WorkItemTrays : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Version", table: "WorkItems", nullable: false, defaultValue: 1);
        migrationBuilder.DropIndex(name: "IX_WorkItems_OwnerTeamId_ClosedAt", table: "WorkItems");
        migrationBuilder.CreateIndex(name: "IX_WorkItems_OwnerTeamId_ClosedAt_Priority_DueAt", table: "WorkItems",
            columns: ["OwnerTeamId", "ClosedAt", "Priority", "DueAt"]);
        migrationBuilder.CreateIndex(name: "IX_WorkItems_OwnerUserId_ClosedAt_Priority_DueAt", table: "WorkItems",
            columns: ["OwnerUserId", "ClosedAt", "Priority", "DueAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_WorkItems_OwnerUserId_ClosedAt_Priority_DueAt", table: "WorkItems");
        migrationBuilder.DropIndex(name: "IX_WorkItems_OwnerTeamId_ClosedAt_Priority_DueAt", table: "WorkItems");
        migrationBuilder.CreateIndex(name: "IX_WorkItems_OwnerTeamId_ClosedAt", table: "WorkItems", columns: ["OwnerTeamId", "ClosedAt"]);
        migrationBuilder.DropColumn(name: "Version", table: "WorkItems");
    }
}
