using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>The review recommendations tracker: recommendations, their actions and evidence (Safeguard.Core.Recommendations).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261212000002_Recommendations")]
public sealed class Recommendations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Recommendations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Source = table.Column<string>(maxLength: 40, nullable: false),
                SourceName = table.Column<string>(maxLength: 300, nullable: false),
                SourceDate = table.Column<DateOnly>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                OwnerUserId = table.Column<Guid>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Recommendations", x => x.Id);
                table.ForeignKey(name: "FK_Recommendations_AspNetUsers_OwnerUserId", column: x => x.OwnerUserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Recommendations_DueOn", table: "Recommendations", column: "DueOn");
        migrationBuilder.CreateIndex(name: "IX_Recommendations_OwnerUserId", table: "Recommendations", column: "OwnerUserId");

        migrationBuilder.CreateTable(
            name: "RecommendationActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecommendationId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                OwnerUserId = table.Column<Guid>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: true),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecommendationActions", x => x.Id);
                table.ForeignKey(name: "FK_RecommendationActions_Recommendations_RecommendationId", column: x => x.RecommendationId,
                    principalTable: "Recommendations", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_RecommendationActions_RecommendationId_Number", table: "RecommendationActions",
            columns: ["RecommendationId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "RecommendationEvidence",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecommendationId = table.Column<Guid>(nullable: false),
                ActionId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                LinkPath = table.Column<string>(maxLength: 300, nullable: true),
                AddedByUserId = table.Column<Guid>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecommendationEvidence", x => x.Id);
                table.ForeignKey(name: "FK_RecommendationEvidence_Recommendations_RecommendationId", column: x => x.RecommendationId,
                    principalTable: "Recommendations", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_RecommendationEvidence_RecommendationActions_ActionId", column: x => x.ActionId,
                    principalTable: "RecommendationActions", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_RecommendationEvidence_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_RecommendationEvidence_RecommendationId", table: "RecommendationEvidence", column: "RecommendationId");
        migrationBuilder.CreateIndex(name: "IX_RecommendationEvidence_ActionId", table: "RecommendationEvidence", column: "ActionId");
        migrationBuilder.CreateIndex(name: "IX_RecommendationEvidence_PersonId", table: "RecommendationEvidence", column: "PersonId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RecommendationEvidence");
        migrationBuilder.DropTable(name: "RecommendationActions");
        migrationBuilder.DropTable(name: "Recommendations");
    }
}
