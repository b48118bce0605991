using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>A child's stay with a connected person under a safety plan, and the checks on them (Safeguard.Core.Arrangements).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207000004_CarerArrangements")]
public sealed class CarerArrangements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CarerArrangements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                CarerName = table.Column<string>(maxLength: 400, nullable: false),
                Relationship = table.Column<string>(maxLength: 400, nullable: false),
                Address = table.Column<string>(maxLength: 400, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                ProposedBy = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                AgreedAt = table.Column<DateTime>(nullable: true),
                AgreedBy = table.Column<Guid>(nullable: true),
                MissingChecksReason = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false, defaultValue: 1),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CarerArrangements", x => x.Id);
                table.ForeignKey(name: "FK_CarerArrangements_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CarerArrangements_Referrals_ReferralId", column: x => x.ReferralId, principalTable: "Referrals",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CarerArrangements_PersonId", table: "CarerArrangements", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_CarerArrangements_ReferralId", table: "CarerArrangements", column: "ReferralId");

        migrationBuilder.CreateTable(
            name: "CarerChecks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArrangementId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                Findings = table.Column<string>(maxLength: 2000, nullable: true),
                RecordedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CarerChecks", x => x.Id);
                table.ForeignKey(name: "FK_CarerChecks_CarerArrangements_ArrangementId", column: x => x.ArrangementId, principalTable: "CarerArrangements",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_CarerChecks_ArrangementId_Kind", table: "CarerChecks", columns: ["ArrangementId", "Kind"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CarerChecks");
        migrationBuilder.DropTable(name: "CarerArrangements");
    }
}
