using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// The flow watch's record of each stage judged on each working day (Safeguard.Core.Oversight.Flow), and indexes on the
/// dates the daily counts read.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261212000003_FlowWatch")]
public sealed class FlowWatch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FlowChecks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 80, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                Stage = table.Column<string>(maxLength: 40, nullable: false),
                OrganisationId = table.Column<Guid>(nullable: true),
                Count = table.Column<int>(nullable: false),
                Usual = table.Column<double>(nullable: true),
                Expected = table.Column<double>(nullable: true),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                CheckedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FlowChecks", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_FlowChecks_Key", table: "FlowChecks", column: "Key", unique: true);
        migrationBuilder.CreateIndex(name: "IX_FlowChecks_Stage_Day", table: "FlowChecks", columns: ["Stage", "Day"]);

        migrationBuilder.CreateIndex(name: "IX_Contacts_DecidedAt", table: "Contacts", column: "DecidedAt");
        migrationBuilder.CreateIndex(name: "IX_Referrals_ReferralDate", table: "Referrals", column: "ReferralDate");
        migrationBuilder.CreateIndex(name: "IX_Assessments_StartedOn", table: "Assessments", column: "StartedOn");
        migrationBuilder.CreateIndex(name: "IX_StrategyDiscussions_HeldAt", table: "StrategyDiscussions", column: "HeldAt");
        migrationBuilder.CreateIndex(name: "IX_ChildProtectionConferences_Kind_HeldAt", table: "ChildProtectionConferences",
            columns: ["Kind", "HeldAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_ChildProtectionConferences_Kind_HeldAt", table: "ChildProtectionConferences");
        migrationBuilder.DropIndex(name: "IX_StrategyDiscussions_HeldAt", table: "StrategyDiscussions");
        migrationBuilder.DropIndex(name: "IX_Assessments_StartedOn", table: "Assessments");
        migrationBuilder.DropIndex(name: "IX_Referrals_ReferralDate", table: "Referrals");
        migrationBuilder.DropIndex(name: "IX_Contacts_DecidedAt", table: "Contacts");
        migrationBuilder.DropTable(name: "FlowChecks");
    }
}
