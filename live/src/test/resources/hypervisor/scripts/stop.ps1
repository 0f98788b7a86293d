$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
trap { [Console]::Error.WriteLine('ldist: ' + $_); exit 1 }
$name = 'web-01'
$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)
foreach ($vm in $vms) {
  if ($vm.State -eq 'Saved') { Remove-VMSavedState -VM $vm }
  elseif ($vm.State -ne 'Off') {
    try { Stop-VM -VM $vm -Force } catch { Stop-VM -VM $vm -TurnOff -Force }
  }
}
$vms = @(Get-VM -Name $name -ErrorAction SilentlyContinue)
ConvertTo-Json -Compress -InputObject @($vms | Sort-Object Name | Select-Object Name, @{n='State';e={"$($_.State)"}}, CPUUsage, MemoryAssigned, @{n='UptimeSec';e={[int64]$_.Uptime.TotalSeconds}}, ProcessorCount)
