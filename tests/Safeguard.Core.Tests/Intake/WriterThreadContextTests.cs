using Safeguard.Core.Intake;

namespace Safeguard.Core.Tests.Intake;

public sealed class WriterThreadContextTests
{
    [Fact]
    public void EveryContinuation_RunsOnTheCallingThread()
    {
        var context = new WriterThreadContext();
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<int>();

        context.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(5); // completes on a timer thread; the rest must come back here
                seen.Add(Environment.CurrentManagedThreadId);
            }
        });

        seen.Count.ShouldBe(5);
        seen.ShouldAllBe(id => id == caller);
    }

    [Fact]
    public void AFailure_IsThrownToTheCaller_AndTheNextRunStillWorks()
    {
        var context = new WriterThreadContext();

        Should.Throw<InvalidOperationException>(() => context.Run(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("batch failed");
        })).Message.ShouldBe("batch failed");

        var ran = false;
        context.Run(async () =>
        {
            await Task.Delay(1);
            ran = true;
        });
        ran.ShouldBeTrue();
        SynchronizationContext.Current.ShouldNotBe(context);
    }

    [Fact]
    public void WorkThatNeverWaits_LeavesNothingBehind()
    {
        var context = new WriterThreadContext();
        for (var i = 0; i < 1000; i++) context.Run(() => Task.CompletedTask);
        context.Pending.ShouldBe(0);
    }
}
