namespace Safeguard.Core.FrontDoor;

public sealed partial record NewContact
{
    /// <summary>
    /// The one-time key of the web form this contact was posted from (made when the form was shown): the same key
    /// twice records one contact (<see cref="ContactIntake.RecordOnceAsync"/>). Null from the API, which has Idempotency-Key.
    /// </summary>
    public Guid? SubmissionKey { get; init; }
}
