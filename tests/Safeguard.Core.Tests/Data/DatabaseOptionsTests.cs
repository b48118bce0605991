using Npgsql;
using Safeguard.Core.Data;

namespace Safeguard.Core.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void PostgreSql_PreparesRepeatedStatements_ByDefault()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseOptions.WithAutoPrepare("Host=db;Username=safeguard;Database=safeguard"));

        csb.MaxAutoPrepare.ShouldBe(64);
        csb.AutoPrepareMinUsages.ShouldBe(2);
        csb.Host.ShouldBe("db");
    }

    [Fact]
    public void PostgreSql_AnOperatorsOwnAutoPrepareSettings_AreKept()
    {
        var csb = new NpgsqlConnectionStringBuilder(
            DatabaseOptions.WithAutoPrepare("Host=db;Database=safeguard;Max Auto Prepare=0;Auto Prepare Min Usages=5"));

        csb.MaxAutoPrepare.ShouldBe(0);
        csb.AutoPrepareMinUsages.ShouldBe(5);
    }
}
