using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// What the referrer sent about each child of a contact, kept beside the link (so a wrong link can be seen). Contacts
/// recorded before this keep the linked person's names and date of birth as they are now: the nearest to what was sent
/// that is left, and what a partner's pages showed until now.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261202000002_AsSent")]
public sealed class AsSent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SentGivenName", table: "ContactChildren", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentFamilyName", table: "ContactChildren", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "SentDateOfBirth", table: "ContactChildren", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "SentExpectedDateOfBirth", table: "ContactChildren", nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentNhsNumber", table: "ContactChildren", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentAddressLine1", table: "ContactChildren", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentTown", table: "ContactChildren", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentPostcode", table: "ContactChildren", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SentSchool", table: "ContactChildren", maxLength: 200, nullable: true);

        // Correlated subqueries: the same statement on SQLite and PostgreSQL.
        migrationBuilder.Sql("""
            UPDATE "ContactChildren" SET
                "SentGivenName" = (SELECT p."GivenName" FROM "People" p WHERE p."Id" = "ContactChildren"."PersonId"),
                "SentFamilyName" = (SELECT p."FamilyName" FROM "People" p WHERE p."Id" = "ContactChildren"."PersonId"),
                "SentDateOfBirth" = (SELECT p."DateOfBirth" FROM "People" p WHERE p."Id" = "ContactChildren"."PersonId"),
                "SentExpectedDateOfBirth" = (SELECT p."ExpectedDateOfBirth" FROM "People" p WHERE p."Id" = "ContactChildren"."PersonId")
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in new[] { "SentGivenName", "SentFamilyName", "SentDateOfBirth", "SentExpectedDateOfBirth", "SentNhsNumber",
                     "SentAddressLine1", "SentTown", "SentPostcode", "SentSchool" })
        {
            migrationBuilder.DropColumn(name: column, table: "ContactChildren");
        }
    }
}
