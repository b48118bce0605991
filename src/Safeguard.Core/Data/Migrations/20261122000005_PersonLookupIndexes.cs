using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Person lookup: the name-sound index also carries the date of birth, so "family-name sound + given
/// initial + birth year" and "names swapped + birth year" are index range seeks (docs/adr/0003).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122000005_PersonLookupIndexes")]
public sealed class PersonLookupIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_People_FamilyNameKey_GivenNameKey", table: "People");
        migrationBuilder.CreateIndex(name: "IX_People_FamilyNameKey_GivenNameKey_DateOfBirth", table: "People",
            columns: new[] { "FamilyNameKey", "GivenNameKey", "DateOfBirth" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_People_FamilyNameKey_GivenNameKey_DateOfBirth", table: "People");
        migrationBuilder.CreateIndex(name: "IX_People_FamilyNameKey_GivenNameKey", table: "People", columns: new[] { "FamilyNameKey", "GivenNameKey" });
    }
}
