using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Annex A exports asked for on the returns page, run in the background, with their progress and workbook.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261214000901_AnnexAJobs")]
public sealed class AnnexAJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AnnexAJobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestedBy = table.Column<Guid>(nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: false),
                RequestedAt = table.Column<DateTime>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                CurrentList = table.Column<string>(maxLength: 60, nullable: true),
                CurrentRows = table.Column<int>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                HeartbeatAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
                Rows = table.Column<int>(nullable: true),
                Failure = table.Column<string>(maxLength: 400, nullable: true),
                Workbook = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AnnexAJobs", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_AnnexAJobs_Status_RequestedAt", table: "AnnexAJobs", columns: ["Status", "RequestedAt"]);
        migrationBuilder.CreateIndex(name: "IX_AnnexAJobs_RequestedBy", table: "AnnexAJobs", column: "RequestedBy");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "AnnexAJobs");
}
