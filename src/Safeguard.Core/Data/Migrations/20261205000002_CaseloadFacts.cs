using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Core.Data.Configurations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Caseload facts kept instead of worked out on every view (Safeguard.Core.Allocation.CaseloadFacts): what each open
/// allocation counts as, and each child's worker continuity, both filled from the allocations and the children's plans,
/// enquiries and care periods already held. Indexes so caseload pages read indexes alone: a worker's allocations
/// carry what each counts as (and open ones have their own index), the few made outside the rules
/// have theirs; open work by kind carries its owner; restricted people carry their ids (need to know reads the
/// index alone).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261205000002_CaseloadFacts")]
public sealed class CaseloadFacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "CountsAs", table: "CaseAllocations", maxLength: 40, nullable: false, defaultValue: "ChildInNeed");
        migrationBuilder.Sql("""
            UPDATE "CaseAllocations" SET "CountsAs" = CASE
                WHEN "CaseKind" = 'Court' THEN 'Court'
                WHEN EXISTS (SELECT 1 FROM "ChildPlans" p WHERE p."PersonId" = "CaseAllocations"."PersonId" AND p."EndedOn" IS NULL AND p."Kind" = 'ChildProtection')
                  OR EXISTS (SELECT 1 FROM "Section47Enquiries" e WHERE e."PersonId" = "CaseAllocations"."PersonId" AND e."EndedOn" IS NULL) THEN 'ChildProtection'
                WHEN EXISTS (SELECT 1 FROM "LookedAfterPeriods" l WHERE l."PersonId" = "CaseAllocations"."PersonId" AND l."EndedOn" IS NULL) THEN 'LookedAfter'
                ELSE 'ChildInNeed' END
            WHERE "EndedAt" IS NULL
            """);
        migrationBuilder.DropIndex(name: "IX_CaseAllocations_WorkerId_EndedAt", table: "CaseAllocations");
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_WorkerId_EndedAt_CountsAs", table: "CaseAllocations", columns: ["WorkerId", "EndedAt", "CountsAs"]);
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_Open_WorkerId_CountsAs", table: "CaseAllocations", columns: ["WorkerId", "CountsAs"],
            filter: CaseloadIndexes.OpenOnly);
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_OutsideTheRules_TeamId", table: "CaseAllocations", column: "TeamId",
            filter: CaseloadIndexes.OutsideTheRulesOnly);
        migrationBuilder.DropIndex(name: "IX_WorkItems_Kind_ClosedAt_DueAt", table: "WorkItems");
        migrationBuilder.CreateIndex(name: "IX_WorkItems_Kind_ClosedAt_DueAt_OwnerUserId", table: "WorkItems", columns: ["Kind", "ClosedAt", "DueAt", "OwnerUserId"]);

        migrationBuilder.CreateTable(
            name: "WorkerContinuity",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                NthWorkerSeenUntil = table.Column<DateTime>(nullable: true),
                LatestAllocatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkerContinuity", x => x.PersonId);
                table.ForeignKey("FK_WorkerContinuity_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_WorkerContinuity_LatestAllocatedAt_NthWorkerSeenUntil", table: "WorkerContinuity",
            columns: ["LatestAllocatedAt", "NthWorkerSeenUntil"]);
        migrationBuilder.DropIndex(name: "IX_People_IsRestricted", table: "People");
        migrationBuilder.CreateIndex(name: "IX_People_IsRestricted_Id", table: "People", columns: ["IsRestricted", "Id"], filter: "\"IsRestricted\"");
        // Each child's workers ranked by when they were last seen (still holding the case first); the third is the one kept.
        migrationBuilder.Sql("""
            INSERT INTO "WorkerContinuity" ("PersonId", "NthWorkerSeenUntil", "LatestAllocatedAt")
            SELECT "PersonId", CASE WHEN "StillHolds" = 1 THEN NULL ELSE "SeenUntil" END, "Latest"
            FROM (
                SELECT w."PersonId", w."StillHolds", w."SeenUntil",
                       ROW_NUMBER() OVER (PARTITION BY w."PersonId" ORDER BY w."StillHolds" DESC, w."SeenUntil" DESC) AS "Rank",
                       MAX(w."LatestAt") OVER (PARTITION BY w."PersonId") AS "Latest"
                FROM (
                    SELECT "PersonId", MAX(CASE WHEN "EndedAt" IS NULL THEN 1 ELSE 0 END) AS "StillHolds", MAX("EndedAt") AS "SeenUntil",
                           MAX("AllocatedAt") AS "LatestAt"
                    FROM "CaseAllocations"
                    GROUP BY "PersonId", "WorkerId"
                ) w
            ) ranked
            WHERE "Rank" = 3
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_People_IsRestricted_Id", table: "People");
        migrationBuilder.CreateIndex(name: "IX_People_IsRestricted", table: "People", column: "IsRestricted", filter: "\"IsRestricted\"");
        migrationBuilder.DropTable(name: "WorkerContinuity");
        migrationBuilder.DropIndex(name: "IX_WorkItems_Kind_ClosedAt_DueAt_OwnerUserId", table: "WorkItems");
        migrationBuilder.CreateIndex(name: "IX_WorkItems_Kind_ClosedAt_DueAt", table: "WorkItems", columns: ["Kind", "ClosedAt", "DueAt"]);
        migrationBuilder.DropIndex(name: "IX_CaseAllocations_OutsideTheRules_TeamId", table: "CaseAllocations");
        migrationBuilder.DropIndex(name: "IX_CaseAllocations_Open_WorkerId_CountsAs", table: "CaseAllocations");
        migrationBuilder.DropIndex(name: "IX_CaseAllocations_WorkerId_EndedAt_CountsAs", table: "CaseAllocations");
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_WorkerId_EndedAt", table: "CaseAllocations", columns: ["WorkerId", "EndedAt"]);
        migrationBuilder.DropColumn(name: "CountsAs", table: "CaseAllocations");
    }
}
