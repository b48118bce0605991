using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Drafts of long forms kept on the server (Safeguard.Core.Drafts).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261210000002_FormDrafts")]
public sealed class FormDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FormDrafts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Form = table.Column<string>(maxLength: 300, nullable: false),
                Fields = table.Column<string>(maxLength: 100000, nullable: false),
                SavedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FormDrafts", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_FormDrafts_UserId_Form", table: "FormDrafts", columns: ["UserId", "Form"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "FormDrafts");
}
