using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Core.Data.Configurations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// At most one open supervision item per case (subject: the allocation) and per worker (personal supervision): a
/// partial unique index over open CaseSupervision and PersonalSupervision work items. Two supervisors recording for the
/// same case at once both keep their records; the second save is refused here and made again from the first's result.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261204000041_Supervision")]
public sealed class Supervision : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "IX_WorkItems_OpenSupervision", table: "WorkItems", columns: ["Kind", "SubjectId"], unique: true,
            filter: WorkItemIndexes.OpenSupervisionOnly);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_WorkItems_OpenSupervision", table: "WorkItems");
}
