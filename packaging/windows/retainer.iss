; Inno Setup script: RetainerSetup-<version>.exe from the one-folder app in build\dist\Retainer.
;
;     iscc /DAppVersion=0.1.0 packaging\windows\retainer.iss
;
; It installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\Retainer, with a Start-menu shortcut and a desktop one. The customer
; base lives elsewhere, in %LOCALAPPDATA%\Retainer (retainer.paths.data_dir), so the uninstaller
; removes the program and keeps the base, its backups and the settings.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\retainer.iss
#endif

[Setup]
AppId={{6C5E3A52-8D4B-4C35-9B7E-2F1A0D9C4E71}
AppName=Retainer
AppVersion={#AppVersion}
AppVerName=Retainer {#AppVersion}
AppPublisher=Retainer
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\Retainer
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputDir=..\..\build
OutputBaseFilename=RetainerSetup-{#AppVersion}
SetupIconFile=..\..\resources\icons\retainer.ico
UninstallDisplayIcon={app}\Retainer.exe
UninstallDisplayName=Retainer
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\build\dist\Retainer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Retainer"; Filename: "{app}\Retainer.exe"
Name: "{autodesktop}\Retainer"; Filename: "{app}\Retainer.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Retainer.exe"; Description: "{cm:LaunchProgram,Retainer}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: nothing outside {app} is removed, so the customer base stays.
