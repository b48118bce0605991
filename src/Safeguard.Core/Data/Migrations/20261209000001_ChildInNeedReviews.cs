using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Reviews of child in need plans (Safeguard.Core.ChildInNeed).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261209000001_ChildInNeedReviews")]
public sealed class ChildInNeedReviews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChildInNeedReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ChildPlanId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Participants = table.Column<string>(maxLength: 1000, nullable: false),
                Progress = table.Column<string>(maxLength: 8000, nullable: false),
                PlanContinues = table.Column<bool>(nullable: false),
                RecordedBy = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChildInNeedReviews", x => x.Id);
                table.ForeignKey(name: "FK_ChildInNeedReviews_ChildPlans_ChildPlanId", column: x => x.ChildPlanId, principalTable: "ChildPlans",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ChildInNeedReviews_ChildPlanId", table: "ChildInNeedReviews", column: "ChildPlanId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ChildInNeedReviews");
}
