using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Concerns raised with the director (Safeguard.Core.Escalations): never deleted, so no cascade reaches them.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261212000001_Escalations")]
public sealed class Escalations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Escalations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RaisedById = table.Column<Guid>(nullable: false),
                AnswererId = table.Column<Guid>(nullable: false),
                Subject = table.Column<string>(maxLength: 120, nullable: false),
                Concern = table.Column<string>(maxLength: 4000, nullable: false),
                SharedWithManagerId = table.Column<Guid>(nullable: true),
                PersonId = table.Column<Guid>(nullable: true),
                RaisedAt = table.Column<DateTime>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                RespondedAt = table.Column<DateTime>(nullable: true),
                RespondedById = table.Column<Guid>(nullable: true),
                Outcome = table.Column<string>(maxLength: 40, nullable: true),
                Response = table.Column<string>(maxLength: 4000, nullable: true),
                Version = table.Column<int>(nullable: false, defaultValue: 1),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Escalations", x => x.Id);
                table.ForeignKey(name: "FK_Escalations_AspNetUsers_RaisedById", column: x => x.RaisedById, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_Escalations_AspNetUsers_AnswererId", column: x => x.AnswererId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_Escalations_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_Escalations_RaisedById", table: "Escalations", column: "RaisedById");
        migrationBuilder.CreateIndex(name: "IX_Escalations_AnswererId", table: "Escalations", column: "AnswererId");
        migrationBuilder.CreateIndex(name: "IX_Escalations_SharedWithManagerId", table: "Escalations", column: "SharedWithManagerId");
        migrationBuilder.CreateIndex(name: "IX_Escalations_PersonId", table: "Escalations", column: "PersonId");
        migrationBuilder.CreateIndex(name: "IX_Escalations_RaisedAt", table: "Escalations", column: "RaisedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Escalations");
}
