using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// What the Children in Need census asks of a child that the record did not keep (Safeguard.Core.Returns): a former
/// UPN, why the UPN is not known (UN1..UN10), ethnicity (WBRI ...), disabilities (NONE, MOB ...), and a referral's
/// primary need (N0..N9). All nullable: existing records are filled in as workers come to them.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261208000001_CensusFields")]
public sealed class CensusFields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "FormerUpn", table: "People", maxLength: 13, nullable: true);
        migrationBuilder.AddColumn<string>(name: "UpnUnknownReason", table: "People", maxLength: 4, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Ethnicity", table: "People", maxLength: 4, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Disabilities", table: "People", maxLength: 80, nullable: true);
        migrationBuilder.AddColumn<string>(name: "PrimaryNeedCode", table: "Referrals", maxLength: 2, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "PrimaryNeedCode", table: "Referrals");
        foreach (var column in new[] { "Disabilities", "Ethnicity", "UpnUnknownReason", "FormerUpn" })
        {
            migrationBuilder.DropColumn(name: column, table: "People");
        }
    }
}
