using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// The dashboard's daily figures (Safeguard.Core.Performance.Daily): one row per day, team (or the whole service) and
/// measure; the days computed and when; and the claims that keep two instances from refreshing them at once.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261213000001_PerformanceFigures")]
public sealed class PerformanceFigures : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PerformanceFigures",
            columns: table => new
            {
                TeamId = table.Column<Guid>(nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                Measure = table.Column<string>(maxLength: 40, nullable: false),
                Count = table.Column<int>(nullable: false),
                Met = table.Column<int>(nullable: false),
                Other = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PerformanceFigures", x => new { x.TeamId, x.Day, x.Measure }));
        migrationBuilder.CreateTable(
            name: "PerformanceDays",
            columns: table => new
            {
                Day = table.Column<DateOnly>(nullable: false),
                ComputedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PerformanceDays", x => x.Day));
        migrationBuilder.CreateTable(
            name: "PerformanceRefreshClaims",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 60, nullable: false),
                ClaimedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PerformanceRefreshClaims", x => x.Key));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PerformanceRefreshClaims");
        migrationBuilder.DropTable(name: "PerformanceDays");
        migrationBuilder.DropTable(name: "PerformanceFigures");
    }
}
