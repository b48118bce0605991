using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Pattern alerts about children, and where the pattern sweep has read the event log up to (Safeguard.Core.Chronology.Patterns).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261210000001_PatternAlerts")]
public sealed class PatternAlerts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PatternAlerts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Rule = table.Column<string>(maxLength: 40, nullable: false),
                Trigger = table.Column<string>(maxLength: 60, nullable: false),
                Details = table.Column<string>(maxLength: 2000, nullable: false),
                RaisedAt = table.Column<DateTime>(nullable: false),
                AcknowledgedAt = table.Column<DateTime>(nullable: true),
                AcknowledgedBy = table.Column<Guid>(nullable: true),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                Version = table.Column<int>(nullable: false, defaultValue: 1),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PatternAlerts", x => x.Id);
                table.ForeignKey(name: "FK_PatternAlerts_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_PatternAlerts_PersonId_Rule_Trigger", table: "PatternAlerts",
            columns: ["PersonId", "Rule", "Trigger"], unique: true);

        migrationBuilder.CreateTable(
            name: "PatternSweepMarks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                LastEventId = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PatternSweepMarks", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PatternSweepMarks");
        migrationBuilder.DropTable(name: "PatternAlerts");
    }
}
