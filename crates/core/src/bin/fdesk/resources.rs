//! How each kind of resource prints: `--output json` as Azure returned it, else an aligned table.

use foundry_azure::arm::models::{Account, AccountKeys, CatalogModel, Deployment, Model, Usage};
use foundry_azure::arm::AccountRef;
use foundry_desk_core::account_keys::mask_key;

use crate::output::{json, or_dash, print_table, Failure, OutputFormat};

pub fn print_accounts(
    output: OutputFormat,
    accounts: &[Account],
    with_endpoint: bool,
) -> Result<(), Failure> {
    if output == OutputFormat::Json {
        return json(accounts);
    }
    let mut headers = vec!["NAME", "RESOURCE GROUP", "KIND", "LOCATION", "SKU", "STATE"];
    if with_endpoint {
        headers.push("ENDPOINT");
    }
    let rows: Vec<Vec<String>> = accounts
        .iter()
        .map(|a| {
            let mut row = vec![
                a.name.clone(),
                or_dash(AccountRef::from_id(&a.id).map(|r| r.resource_group)),
                or_dash(a.kind.as_ref()),
                or_dash(a.location.as_ref()),
                or_dash(a.sku.as_ref().map(|s| &s.name)),
                or_dash(a.properties.provisioning_state.as_ref()),
            ];
            if with_endpoint {
                row.push(or_dash(a.properties.endpoint.as_ref()));
            }
            row
        })
        .collect();
    print_table(&headers, &rows);
    Ok(())
}

pub fn print_keys(output: OutputFormat, keys: &AccountKeys, show: bool) -> Result<(), Failure> {
    if output == OutputFormat::Json {
        return json(keys);
    }
    let shown = |key: &str| if show { key.to_string() } else { mask_key(key) };
    let rows = vec![vec!["key1".to_string(), shown(&keys.key1)], vec!["key2".to_string(), shown(&keys.key2)]];
    print_table(&["KEY", "VALUE"], &rows);
    if !show {
        eprintln!("Keys are masked; add --show (or --output json) to print them in full.");
    }
    Ok(())
}

fn skus_of(model: &Model) -> String {
    let names: Vec<&str> = model.skus.iter().map(|s| s.name.as_str()).collect();
    if names.is_empty() {
        "-".into()
    } else {
        names.join(",")
    }
}

fn model_row(model: &Model) -> Vec<String> {
    vec![
        model.format.clone(),
        model.name.clone(),
        or_dash(model.version.as_ref()),
        or_dash(model.lifecycle_status.as_ref()),
        if model.is_default_version == Some(true) { "yes".into() } else { "".into() },
        skus_of(model),
    ]
}

pub fn print_models(output: OutputFormat, models: &[Model]) -> Result<(), Failure> {
    if output == OutputFormat::Json {
        return json(models);
    }
    let rows: Vec<Vec<String>> = models.iter().map(model_row).collect();
    print_table(&["FORMAT", "NAME", "VERSION", "LIFECYCLE", "DEFAULT", "SKUS"], &rows);
    Ok(())
}

pub fn print_catalog(output: OutputFormat, catalog: &[CatalogModel]) -> Result<(), Failure> {
    if output == OutputFormat::Json {
        return json(catalog);
    }
    let rows: Vec<Vec<String>> = catalog
        .iter()
        .map(|entry| {
            let mut row = vec![or_dash(entry.kind.as_ref())];
            row.extend(model_row(&entry.model));
            row
        })
        .collect();
    print_table(&["KIND", "FORMAT", "NAME", "VERSION", "LIFECYCLE", "DEFAULT", "SKUS"], &rows);
    Ok(())
}

pub fn print_usages(output: OutputFormat, usages: &[Usage]) -> Result<(), Failure> {
    if output == OutputFormat::Json {
        return json(usages);
    }
    let rows: Vec<Vec<String>> = usages
        .iter()
        .map(|u| {
            vec![
                u.name.value.clone(),
                u.current_value.to_string(),
                u.limit.to_string(),
                u.free().to_string(),
                or_dash(u.unit.as_ref()),
            ]
        })
        .collect();
    print_table(&["NAME", "USED", "LIMIT", "FREE", "UNIT"], &rows);
    Ok(())
}

pub fn print_deployments(output: OutputFormat, deployments: &[Deployment]) -> Result<(), Failure> {
    if output == OutputFormat::Json {
        return json(deployments);
    }
    let rows: Vec<Vec<String>> = deployments
        .iter()
        .map(|d| {
            let model = &d.properties.model;
            vec![
                d.name.clone(),
                model.name.clone(),
                or_dash(model.version.as_ref()),
                or_dash(d.sku.as_ref().map(|s| &s.name)),
                or_dash(d.sku.as_ref().and_then(|s| s.capacity)),
                or_dash(d.properties.provisioning_state.as_ref()),
            ]
        })
        .collect();
    print_table(&["NAME", "MODEL", "VERSION", "SKU", "CAPACITY", "STATE"], &rows);
    Ok(())
}
