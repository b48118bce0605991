using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Documents attached to a child's record, and the bytes the database store keeps (Safeguard.Core.Attachments).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261211000001_Attachments")]
public sealed class Attachments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                StepKind = table.Column<string>(maxLength: 40, nullable: true),
                StepId = table.Column<Guid>(nullable: true),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: true),
                UploadedBy = table.Column<Guid>(nullable: false),
                UploadedAt = table.Column<DateTime>(nullable: false),
                Store = table.Column<string>(maxLength: 40, nullable: false),
                StorageKey = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attachments", x => x.Id);
                table.ForeignKey(name: "FK_Attachments_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Attachments_PersonId_UploadedAt", table: "Attachments", columns: ["PersonId", "UploadedAt"]);

        migrationBuilder.CreateTable(
            name: "AttachmentContents",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AttachmentContents", x => x.Key));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AttachmentContents");
        migrationBuilder.DropTable(name: "Attachments");
    }
}
