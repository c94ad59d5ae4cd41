# Builds Tutti's MSI packages (family and front desk) on Windows into installer\target\packages.
# Needs a JDK 17, Maven 3.8 and the WiX Toolset 3 (candle.exe, light.exe) on the PATH. See installer/README.md.
#   .\installer\build-packages.ps1 -Family C:\it\family\tutti.json -Staff C:\it\staff\tutti.json [-Version 1.2.0]
param([string]$Family = "", [string]$Staff = "", [string]$Version = "")
Set-Location (Join-Path $PSScriptRoot ".."); mvn -B -Pinstaller package -DskipTests "-Dtutti.config.family=$Family" "-Dtutti.config.staff=$Staff" "-Dtutti.package.version=$Version" "-Dtutti.installer.editions=family,staff"; if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }; Get-ChildItem installer\target\packages
