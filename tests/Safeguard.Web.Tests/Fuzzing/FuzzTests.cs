using System.Diagnostics;
using CsCheck;
using Safeguard.Core.Seeding;
using Safeguard.Web.Tests.Api;
using Xunit.Abstractions;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>
/// No 5xx for anything a user, a partner or an attacker can send: generated posts of every form of every page in the
/// page-access matrix, odd queries and other people's ids on every page, and generated requests to every operation of
/// the partner API. How many inputs and from which seed: <see cref="FuzzBudget"/>; how to run the full fuzz: docs/fuzzing.md.
/// </summary>
public sealed class FuzzTests(FuzzApp app, ITestOutputHelper output) : IClassFixture<FuzzApp>
{
    [Fact]
    public async Task EveryForm_AnswersGeneratedPosts_WithoutAServerError_AndA400KeepsWhatWasTyped()
    {
        app.Forms.Count.ShouldBeGreaterThan(50, "forms found on the matrix's pages");
        var fuzzer = new FormFuzzer(app);

        await RunAsync("forms", fuzzer.Inputs(), fuzzer.PostAsync, fuzzer.Print, FuzzBudget.Forms, () => fuzzer.Sent);

        fuzzer.Sent.ShouldBeGreaterThanOrEqualTo(FuzzBudget.Forms);
    }

    [Fact]
    public async Task EveryPage_AnswersOddQueriesAndOtherPeoplesIds_WithoutAServerError()
    {
        var fuzzer = new PageFuzzer(app);

        await RunAsync("pages", fuzzer.Inputs(), fuzzer.GetAsync, fuzzer.Print, FuzzBudget.Pages, () => fuzzer.Sent);

        fuzzer.Sent.ShouldBeGreaterThanOrEqualTo(FuzzBudget.Pages);
    }

    [Fact]
    public async Task EveryApiOperation_AnswersGeneratedRequests_WithoutAServerError_AndEveryRefusalIsAProblem()
    {
        var operations = await ApiFuzzer.OperationsAsync(app.CreateClient());
        operations.Count.ShouldBeGreaterThanOrEqualTo(4);
        var own = await app.ApiClient(app.ApiKeys.Own.Key).PostReferralAsync(PartnerApiTestHelpers.Referral("Fuzz", "Own"));
        var other = await app.ApiClient(app.ApiKeys.Other.Key).PostReferralAsync(PartnerApiTestHelpers.Referral("Fuzz", "Other"));
        var fuzzer = new ApiFuzzer(app, operations, (await own.JsonAsync()).GetProperty("id").GetGuid(), (await other.JsonAsync()).GetProperty("id").GetGuid());

        await RunAsync("API", fuzzer.Inputs(), fuzzer.SendAsync, fuzzer.Print, FuzzBudget.Api, () => fuzzer.Sent);

        fuzzer.Sent.ShouldBeGreaterThanOrEqualTo(FuzzBudget.Api);
    }

    private async Task RunAsync<T>(string what, Gen<T> inputs, Func<T, Task> check, Func<T, string> print, int count, Func<int> sent)
    {
        var clock = Stopwatch.StartNew();
        var survey = new List<string>();
        try
        {
            await inputs.SampleAsync(FuzzBudget.Survey ? Surveyed(check, print, survey) : check, writeLine: output.WriteLine,
                seed: FuzzBudget.Seed, iter: count, threads: 1, print: print);
        }
        finally
        {
            output.WriteLine($"Fuzz {what}: {sent():N0} inputs sent on {app.Database.Provider} in {clock.Elapsed.TotalSeconds:N0} s (seed {FuzzBudget.Seed}).");
        }
        foreach (var failure in survey) output.WriteLine("FUZZ FAILURE " + failure);
        survey.ShouldBeEmpty();
    }

    /// <summary>Survey mode: every failure is noted and the run goes on, to list all the faults at once, not the first.</summary>
    private static Func<T, Task> Surveyed<T>(Func<T, Task> check, Func<T, string> print, List<string> failures) => async input =>
    {
        try
        {
            await check(input);
        }
        catch (Exception ex)
        {
            var text = print(input);
            failures.Add((text.Length > 600 ? text[..600] : text) + "\n  => " + (ex.Message.Length > 1500 ? ex.Message[..1500] : ex.Message));
        }
    };
}
