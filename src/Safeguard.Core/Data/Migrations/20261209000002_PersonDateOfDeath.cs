using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>A person's date of death (CIN census PersonDeathDate); nullable, filled in when it is known.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261209000002_PersonDateOfDeath")]
public sealed class PersonDateOfDeath : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateOnly>(name: "DateOfDeath", table: "People", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "DateOfDeath", table: "People");
}
