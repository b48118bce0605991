using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Case notes of any contact with a child's family or professionals, visits among them (Safeguard.Core.CaseNotes).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207000003_CaseNotes")]
public sealed class CaseNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CaseNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                OccurredAt = table.Column<DateTime>(nullable: false),
                Participants = table.Column<string>(maxLength: 1000, nullable: false),
                Note = table.Column<string>(maxLength: 8000, nullable: false),
                ChildSeen = table.Column<bool>(nullable: true),
                ChildSeenAlone = table.Column<bool>(nullable: true),
                RecordedBy = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseNotes", x => x.Id);
                table.ForeignKey(name: "FK_CaseNotes_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CaseNotes_PersonId_OccurredAt", table: "CaseNotes", columns: ["PersonId", "OccurredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "CaseNotes");
}
