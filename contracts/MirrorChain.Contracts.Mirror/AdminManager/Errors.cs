namespace MirrorChain.Contracts.Mirror.AdminManager;

/// <summary>mirror_admin_manager's errors: <c>ContractError::Unauthorized {}</c>, displayed "Unauthorized".</summary>
internal static class AdminManagerErrors
{
    public static ContractException Unauthorized() => ContractException.Unauthorized();
}
