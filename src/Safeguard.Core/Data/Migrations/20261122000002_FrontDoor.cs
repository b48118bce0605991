using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Front door: priority reasons, manager confirmation, referrer feedback outbox, alerts, partner API keys and idempotency.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122000002_FrontDoor")]
public sealed class FrontDoor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // The new (ReferringOrganisationId, ReceivedAt) index serves the foreign key too.
        migrationBuilder.DropIndex(name: "IX_Contacts_ReferringOrganisationId", table: "Contacts");
        migrationBuilder.AddColumn<string>(name: "PriorityReason", table: "Contacts", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "FeedbackForReferrer", table: "Contacts", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "ConfirmedByUserId", table: "Contacts", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "FeedbackSentAt", table: "Contacts", nullable: true);

            migrationBuilder.CreateTable(
                name: "PartnerApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    Prefix = table.Column<string>(maxLength: 16, nullable: false),
                    Hash = table.Column<string>(maxLength: 64, nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    RevokedAt = table.Column<DateTime>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerApiKeys_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(nullable: false),
                    TeamId = table.Column<Guid>(nullable: false),
                    PersonId = table.Column<Guid>(nullable: true),
                    Message = table.Column<string>(maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTime>(nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ContactId = table.Column<Guid>(nullable: false),
                    ToEmail = table.Column<string>(maxLength: 320, nullable: false),
                    Subject = table.Column<string>(maxLength: 300, nullable: false),
                    Body = table.Column<string>(maxLength: 20000, nullable: false),
                    Status = table.Column<string>(maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                    NextAttemptAt = table.Column<DateTime>(nullable: false),
                    SentAt = table.Column<DateTime>(nullable: true),
                    LastError = table.Column<string>(maxLength: 1000, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackMessages_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    OrganisationId = table.Column<Guid>(nullable: false),
                    Key = table.Column<string>(maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                    ContactId = table.Column<Guid>(nullable: false),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdempotencyRecords_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Kind_SubjectId",
                table: "Alerts",
                columns: new[] { "Kind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_TeamId_AcknowledgedAt",
                table: "Alerts",
                columns: new[] { "TeamId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReferringOrganisationId_ReceivedAt",
                table: "Contacts",
                columns: new[] { "ReferringOrganisationId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackMessages_ContactId",
                table: "FeedbackMessages",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackMessages_Status_NextAttemptAt",
                table: "FeedbackMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ContactId",
                table: "IdempotencyRecords",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_OrganisationId_Key",
                table: "IdempotencyRecords",
                columns: new[] { "OrganisationId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerApiKeys_OrganisationId",
                table: "PartnerApiKeys",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerApiKeys_Prefix",
                table: "PartnerApiKeys",
                column: "Prefix",
                unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "IdempotencyRecords");
        migrationBuilder.DropTable(name: "FeedbackMessages");
        migrationBuilder.DropTable(name: "Alerts");
        migrationBuilder.DropTable(name: "PartnerApiKeys");
        migrationBuilder.DropIndex(name: "IX_Contacts_ReferringOrganisationId_ReceivedAt", table: "Contacts");
        migrationBuilder.DropColumn(name: "PriorityReason", table: "Contacts");
        migrationBuilder.DropColumn(name: "FeedbackForReferrer", table: "Contacts");
        migrationBuilder.DropColumn(name: "ConfirmedByUserId", table: "Contacts");
        migrationBuilder.DropColumn(name: "FeedbackSentAt", table: "Contacts");
        migrationBuilder.CreateIndex(name: "IX_Contacts_ReferringOrganisationId", table: "Contacts", column: "ReferringOrganisationId");
    }
}
