using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// A contact is decided once and recorded once: its concurrency token (Version), the one-time key of the web form
/// that recorded it (unique), and the proposal a manager returned with the manager's reason.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261202000003_DecideOnce")]
public sealed class DecideOnce : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Version", table: "Contacts", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<Guid>(name: "SubmissionKey", table: "Contacts", nullable: true);
        migrationBuilder.AddColumn<string>(name: "ReturnedReason", table: "Contacts", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "ReturnedAt", table: "Contacts", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "ReturnedByUserId", table: "Contacts", nullable: true);
        migrationBuilder.AddColumn<string>(name: "PreviousOutcome", table: "Contacts", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PreviousReasons", table: "Contacts", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "PreviousDecidedByUserId", table: "Contacts", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_Contacts_SubmissionKey", table: "Contacts", column: "SubmissionKey", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Contacts_SubmissionKey", table: "Contacts");
        foreach (var column in new[] { "Version", "SubmissionKey", "ReturnedReason", "ReturnedAt", "ReturnedByUserId", "PreviousOutcome",
                     "PreviousReasons", "PreviousDecidedByUserId" })
        {
            migrationBuilder.DropColumn(name: column, table: "Contacts");
        }
    }
}
