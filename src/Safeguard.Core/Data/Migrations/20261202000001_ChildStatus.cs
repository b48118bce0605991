using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// A child's status where decisions are made: section 47 enquiries and periods of being looked after (the smallest
/// shape the casework to come builds on), and alerts found by the child they are about.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261202000001_ChildStatus")]
public sealed class ChildStatusRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Section47Enquiries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                EndedOn = table.Column<DateOnly>(nullable: true),
                Outcome = table.Column<string>(maxLength: 40, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                table.ForeignKey(
                    name: "FK_Section47Enquiries_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Section47Enquiries_Referrals_ReferralId",
                    column: x => x.ReferralId,
                    principalTable: "Referrals",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "LookedAfterPeriods",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                EndedOn = table.Column<DateOnly>(nullable: true),
                LegalStatus = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LookedAfterPeriods", x => x.Id);
                table.ForeignKey(
                    name: "FK_LookedAfterPeriods_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_Section47Enquiries_PersonId", table: "Section47Enquiries", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_Section47Enquiries_ReferralId", table: "Section47Enquiries", column: "ReferralId");
        migrationBuilder.CreateIndex(name: "IX_LookedAfterPeriods_PersonId", table: "LookedAfterPeriods", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_Alerts_PersonId", table: "Alerts", column: "PersonId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Alerts_PersonId", table: "Alerts");
        migrationBuilder.DropTable(name: "LookedAfterPeriods");
        migrationBuilder.DropTable(name: "Section47Enquiries");
    }
}
