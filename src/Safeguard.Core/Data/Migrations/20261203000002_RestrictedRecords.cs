using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Need-to-know records: why, by whom and when a child's record was restricted, and its access list (one row per
/// user and child; the unique index stops two managers adding the same name twice). People are indexed by
/// IsRestricted (a partial index of the restricted only) so the "hidden from this user" subquery of every list reads
/// only the few restricted records.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203000002_RestrictedRecords")]
public sealed class RestrictedRecords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "RestrictionReason", table: "People", maxLength: 2000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "RestrictedByName", table: "People", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "RestrictedAt", table: "People", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_People_IsRestricted", table: "People", column: "IsRestricted", filter: "\"IsRestricted\"");

        migrationBuilder.CreateTable(
            name: "PersonAccessGrants",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                HoldsList = table.Column<bool>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                GrantedByUserId = table.Column<Guid>(nullable: true),
                GrantedByName = table.Column<string>(maxLength: 200, nullable: false),
                GrantedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonAccessGrants", x => x.Id);
                table.ForeignKey(
                    name: "FK_PersonAccessGrants_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_PersonAccessGrants_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_PersonAccessGrants_PersonId_UserId", table: "PersonAccessGrants",
            columns: ["PersonId", "UserId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PersonAccessGrants_UserId", table: "PersonAccessGrants", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PersonAccessGrants");
        migrationBuilder.DropIndex(name: "IX_People_IsRestricted", table: "People");
        migrationBuilder.DropColumn(name: "RestrictedAt", table: "People");
        migrationBuilder.DropColumn(name: "RestrictedByName", table: "People");
        migrationBuilder.DropColumn(name: "RestrictionReason", table: "People");
    }
}
