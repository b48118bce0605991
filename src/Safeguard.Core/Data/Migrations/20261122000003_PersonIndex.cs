using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Person index: other names, relationships, phonetic name keys, duplicate candidates and reversible merges.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122000003_PersonIndex")]
public sealed class PersonIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Filled by the entity on every save; rows written before this migration are filled by the sweep's backfill.
        migrationBuilder.AddColumn<string>(name: "GivenNameKey", table: "People", maxLength: 4, nullable: true);
        migrationBuilder.AddColumn<string>(name: "FamilyNameKey", table: "People", maxLength: 4, nullable: true);

        migrationBuilder.CreateTable(
            name: "PersonNames",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                GivenName = table.Column<string>(maxLength: 100, nullable: false),
                FamilyName = table.Column<string>(maxLength: 100, nullable: false),
                From = table.Column<DateOnly>(nullable: true),
                To = table.Column<DateOnly>(nullable: true),
                GivenNameKey = table.Column<string>(maxLength: 4, nullable: true),
                FamilyNameKey = table.Column<string>(maxLength: 4, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonNames", x => x.Id);
                table.ForeignKey(
                    name: "FK_PersonNames_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PersonRelationships",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RelatedPersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                From = table.Column<DateOnly>(nullable: true),
                To = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonRelationships", x => x.Id);
                table.ForeignKey(
                    name: "FK_PersonRelationships_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PersonRelationships_People_RelatedPersonId",
                    column: x => x.RelatedPersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonMerges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SurvivorId = table.Column<Guid>(nullable: false),
                MergedId = table.Column<Guid>(nullable: false),
                DuplicateCandidateId = table.Column<Guid>(nullable: true),
                Moved = table.Column<string>(maxLength: 1000000, nullable: false),
                MergedAt = table.Column<DateTime>(nullable: false),
                MergedByUserId = table.Column<Guid>(nullable: true),
                MergedByName = table.Column<string>(maxLength: 200, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                UnmergedAt = table.Column<DateTime>(nullable: true),
                UnmergedByUserId = table.Column<Guid>(nullable: true),
                UnmergedByName = table.Column<string>(maxLength: 200, nullable: true),
                UnmergeReason = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonMerges", x => x.Id);
                table.ForeignKey(
                    name: "FK_PersonMerges_People_MergedId",
                    column: x => x.MergedId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PersonMerges_People_SurvivorId",
                    column: x => x.SurvivorId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "DuplicateCandidates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId1 = table.Column<Guid>(nullable: false),
                PersonId2 = table.Column<Guid>(nullable: false),
                Score = table.Column<double>(nullable: false),
                Band = table.Column<string>(maxLength: 20, nullable: false),
                Explanation = table.Column<string>(maxLength: 8000, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                FoundBy = table.Column<string>(maxLength: 40, nullable: false),
                FoundAt = table.Column<DateTime>(nullable: false),
                ResolvedAt = table.Column<DateTime>(nullable: true),
                ResolvedByUserId = table.Column<Guid>(nullable: true),
                ResolvedByName = table.Column<string>(maxLength: 200, nullable: true),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                MergeId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DuplicateCandidates", x => x.Id);
                table.ForeignKey(
                    name: "FK_DuplicateCandidates_People_PersonId1",
                    column: x => x.PersonId1,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_DuplicateCandidates_People_PersonId2",
                    column: x => x.PersonId2,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_People_FamilyNameKey_GivenNameKey", table: "People", columns: new[] { "FamilyNameKey", "GivenNameKey" });
        migrationBuilder.CreateIndex(name: "IX_People_GivenNameKey", table: "People", column: "GivenNameKey");
        migrationBuilder.CreateIndex(name: "IX_People_Upn", table: "People", column: "Upn");
        migrationBuilder.CreateIndex(name: "IX_People_LocalChildId", table: "People", column: "LocalChildId");
        migrationBuilder.CreateIndex(name: "IX_PersonNames_PersonId", table: "PersonNames", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_PersonNames_FamilyNameKey_GivenNameKey", table: "PersonNames", columns: new[] { "FamilyNameKey", "GivenNameKey" });
        migrationBuilder.CreateIndex(name: "IX_PersonRelationships_PersonId", table: "PersonRelationships", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_PersonRelationships_RelatedPersonId", table: "PersonRelationships", column: "RelatedPersonId");
        migrationBuilder.CreateIndex(name: "IX_PersonMerges_SurvivorId", table: "PersonMerges", column: "SurvivorId");
        migrationBuilder.CreateIndex(name: "IX_PersonMerges_MergedId", table: "PersonMerges", column: "MergedId");
        migrationBuilder.CreateIndex(name: "IX_DuplicateCandidates_PersonId1_PersonId2", table: "DuplicateCandidates", columns: new[] { "PersonId1", "PersonId2" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_DuplicateCandidates_PersonId2", table: "DuplicateCandidates", column: "PersonId2");
        migrationBuilder.CreateIndex(name: "IX_DuplicateCandidates_Status_Score", table: "DuplicateCandidates", columns: new[] { "Status", "Score" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DuplicateCandidates");
        migrationBuilder.DropTable(name: "PersonMerges");
        migrationBuilder.DropTable(name: "PersonRelationships");
        migrationBuilder.DropTable(name: "PersonNames");
        migrationBuilder.DropIndex(name: "IX_People_FamilyNameKey_GivenNameKey", table: "People");
        migrationBuilder.DropIndex(name: "IX_People_GivenNameKey", table: "People");
        migrationBuilder.DropIndex(name: "IX_People_Upn", table: "People");
        migrationBuilder.DropIndex(name: "IX_People_LocalChildId", table: "People");
        migrationBuilder.DropColumn(name: "GivenNameKey", table: "People");
        migrationBuilder.DropColumn(name: "FamilyNameKey", table: "People");
    }
}
