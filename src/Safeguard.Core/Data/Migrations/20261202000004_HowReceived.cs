using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>How a contact reached the council (Contacts.Method), and information partners add to referrals already sent.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261202000004_HowReceived")]
public sealed class HowReceived : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Method", table: "Contacts", maxLength: 40, nullable: true);

        migrationBuilder.CreateTable(
            name: "ContactInformation",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 20000, nullable: false),
                From = table.Column<string>(maxLength: 200, nullable: true),
                ReceivedAt = table.Column<DateTime>(nullable: false),
                AddedByUserId = table.Column<Guid>(nullable: true),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: true),
                RequestHash = table.Column<string>(maxLength: 64, nullable: true),
                ReadAt = table.Column<DateTime>(nullable: true),
                ReadByUserId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContactInformation", x => x.Id);
                table.ForeignKey(
                    name: "FK_ContactInformation_Contacts_ContactId",
                    column: x => x.ContactId,
                    principalTable: "Contacts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ContactInformation_Organisations_OrganisationId",
                    column: x => x.OrganisationId,
                    principalTable: "Organisations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_ContactInformation_ContactId", table: "ContactInformation", column: "ContactId");
        migrationBuilder.CreateIndex(name: "IX_ContactInformation_ReadAt", table: "ContactInformation", column: "ReadAt");
        migrationBuilder.CreateIndex(name: "IX_ContactInformation_OrganisationId_IdempotencyKey", table: "ContactInformation",
            columns: new[] { "OrganisationId", "IdempotencyKey" }, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ContactInformation");
        migrationBuilder.DropColumn(name: "Method", table: "Contacts");
    }
}
