using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// An administrator-set password must be changed at first sign-in (AspNetUsers.MustChangePassword; existing accounts are
/// not marked), and failed sign-ins are counted per account and per address for growing waits (SignInThrottles).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261214000200_PasswordsAndThrottling")]
public sealed class PasswordsAndThrottling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "MustChangePassword", table: "AspNetUsers", nullable: false, defaultValue: false);
        migrationBuilder.CreateTable(
            name: "SignInThrottles",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Failures = table.Column<int>(nullable: false),
                LastFailureAt = table.Column<DateTime>(nullable: false),
                WaitUntil = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SignInThrottles", x => x.Key));
        migrationBuilder.CreateIndex(name: "IX_SignInThrottles_LastFailureAt", table: "SignInThrottles", column: "LastFailureAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SignInThrottles");
        migrationBuilder.DropColumn(name: "MustChangePassword", table: "AspNetUsers");
    }
}
